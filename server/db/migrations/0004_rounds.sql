CREATE TABLE `programme_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`planned_year` integer,
	`budget_euros` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_actions_project_commune` ON `programme_actions` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE TABLE `round_positions` (
	`round_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`kind` text NOT NULL,
	`motivation` text,
	`conditions` text NOT NULL,
	`action_impacts` text NOT NULL,
	`author_id` text NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `commune_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `round_reminders` (
	`round_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`moment` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `commune_id`, `moment`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`status` text NOT NULL,
	`document_ids` text NOT NULL,
	`scenario_ids` text NOT NULL,
	`invited_commune_ids` text NOT NULL,
	`partners_may_comment` integer DEFAULT false NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`opened_at` text,
	`opened_by` text,
	`closed_at` text,
	`closed_by` text,
	`frozen_versions` text NOT NULL,
	`scenario_snapshot` text,
	`synthesis_document_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`synthesis_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rounds_project` ON `rounds` (`project_id`);--> statement-breakpoint
CREATE INDEX `rounds_status` ON `rounds` (`status`);