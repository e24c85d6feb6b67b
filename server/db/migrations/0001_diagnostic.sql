CREATE TABLE `diag_agents` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`job_title` text NOT NULL,
	`employer` text NOT NULL,
	`cadre_emplois` text,
	`category` text,
	`status` text,
	`quotite_pct` real,
	`service_share_pct` real,
	`qualifications` text,
	`annual_cost_cents` integer,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_agents_project` ON `diag_agents` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE TABLE `diag_besoins` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`mission_key` text NOT NULL,
	`existing` text,
	`provided_by` text,
	`unmet_need` integer,
	`unmet_need_details` text,
	`pooling_wish` text,
	`priority` text,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diag_besoins_unique` ON `diag_besoins` (`project_id`,`commune_id`,`mission_key`);--> statement-breakpoint
CREATE TABLE `diag_completeness` (
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`section` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`validated_at` text,
	`validated_by` text,
	`comment` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `commune_id`, `section`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `diag_consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_ids` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`partner_id` text,
	`participants` text,
	`participant_user_ids` text NOT NULL,
	`minutes` text,
	`needs` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_consultations_project` ON `diag_consultations` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `diag_equipements` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`owner` text,
	`capacity` integer,
	`area_m2` integer,
	`condition` text,
	`accessibility` text,
	`occupancy_pct` real,
	`running_cost_cents` integer,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_equipements_project` ON `diag_equipements` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE TABLE `diag_finances` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`year` integer,
	`ac_cents` integer,
	`operating_revenue_cents` integer,
	`children_under3` integer,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diag_finances_unique` ON `diag_finances` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE TABLE `diag_missions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_missions_project` ON `diag_missions` (`project_id`);--> statement-breakpoint
CREATE TABLE `diag_services` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`name` text NOT NULL,
	`missions` text,
	`public_served` text,
	`age_min` integer,
	`age_max` integer,
	`opening_periods` text,
	`year` integer,
	`operating_budget_cents` integer,
	`investment_budget_cents` integer,
	`investment_yearly_gain_cents` integer,
	`caf_revenue_cents` integer,
	`other_revenue_cents` integer,
	`usage_unit` text,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_services_project` ON `diag_services` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE TABLE `diag_settings` (
	`project_id` text PRIMARY KEY NOT NULL,
	`notice` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `diag_usages` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`service_id` text NOT NULL,
	`residence` text NOT NULL,
	`units` real NOT NULL,
	`year` integer,
	`comment` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `diag_services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diag_usages_project` ON `diag_usages` (`project_id`,`commune_id`);--> statement-breakpoint
CREATE INDEX `diag_usages_service` ON `diag_usages` (`service_id`);