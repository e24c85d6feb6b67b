CREATE TABLE `annual_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`year` integer NOT NULL,
	`indicators` text NOT NULL,
	`comments` text DEFAULT '' NOT NULL,
	`decisions` text NOT NULL,
	`computed_at` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_evaluations_project_year` ON `annual_evaluations` (`project_id`,`year`);--> statement-breakpoint
CREATE TABLE `avenants` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`commune_id` text NOT NULL,
	`document_id` text NOT NULL,
	`status` text NOT NULL,
	`effective_on` text,
	`adopted_at` text,
	`signed_version_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `avenants_project_number` ON `avenants` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `conventions` (
	`project_id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`scenario_title` text NOT NULL,
	`instrument` text NOT NULL,
	`cadre_document_id` text,
	`document_id` text,
	`fiche_impact_document_id` text,
	`status` text NOT NULL,
	`signed_at` text,
	`signed_version_id` text,
	`annexes_generated_at` text,
	`arrete_prefectoral_date` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cadre_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fiche_impact_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `deliberation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deliberation_id` text NOT NULL,
	`project_id` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text NOT NULL,
	`reason` text,
	`details` text,
	FOREIGN KEY (`deliberation_id`) REFERENCES `deliberations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliberation_events_deliberation` ON `deliberation_events` (`deliberation_id`,`id`);--> statement-breakpoint
CREATE TABLE `deliberations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`avenant_id` text,
	`body_kind` text NOT NULL,
	`commune_id` text,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`position` integer NOT NULL,
	`state` text NOT NULL,
	`number` text,
	`date` text,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstention` integer,
	`members_in_office` integer,
	`casting_vote_for` integer,
	`result` text,
	`cst_date` text,
	`cst_opinion` text,
	`notified_on` text,
	`signed_on` text,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`avenant_id`) REFERENCES `avenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliberations_project` ON `deliberations` (`project_id`,`avenant_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`objective_id` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_kind` text NOT NULL,
	`lead_commune_id` text,
	`lead_partner_id` text,
	`partners` text NOT NULL,
	`start_date` text,
	`deadline` text,
	`budget_cents` integer,
	`indicator` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective_id`) REFERENCES `strategic_objectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_actions_project` ON `plan_actions` (`project_id`);--> statement-breakpoint
CREATE TABLE `strategic_objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `strategic_objectives_project` ON `strategic_objectives` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `withdrawals` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`decided_on` text NOT NULL,
	`effective_on` text NOT NULL,
	`effects` text NOT NULL,
	`deliberation_ref` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `withdrawals_project_commune` ON `withdrawals` (`project_id`,`commune_id`);