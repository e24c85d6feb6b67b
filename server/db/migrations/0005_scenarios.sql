CREATE TABLE `arbitrations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`retained_scenario_id` text NOT NULL,
	`decision_date` text NOT NULL,
	`body` text NOT NULL,
	`body_label` text,
	`reasons` text NOT NULL,
	`round_ids` text NOT NULL,
	`discarded_scenario_ids` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`superseded_at` text,
	`superseded_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`retained_scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arbitrations_project` ON `arbitrations` (`project_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `scenario_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` text NOT NULL,
	`project_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text NOT NULL,
	`reason` text,
	`arbitration_id` text,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenario_status_events_scenario` ON `scenario_status_events` (`scenario_id`,`id`);--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`instrument` text NOT NULL,
	`epci_party` integer NOT NULL,
	`managing_body` text NOT NULL,
	`communes` text NOT NULL,
	`other_parties` text NOT NULL,
	`posts` text NOT NULL,
	`equipment` text NOT NULL,
	`other_running_cents` integer DEFAULT 0 NOT NULL,
	`one_off_costs` text NOT NULL,
	`revenues` text NOT NULL,
	`allocation_key` text,
	`usage_unit` text,
	`financing_mode` text,
	`prestation_share_pct` real,
	`document_id` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`presented_at` text,
	`decided_at` text,
	`arbitration_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenarios_project` ON `scenarios` (`project_id`);