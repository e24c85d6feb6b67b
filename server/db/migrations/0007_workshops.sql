CREATE TABLE `seance_attendance` (
	`seance_id` text NOT NULL,
	`person_id` text NOT NULL,
	`commune_id` text,
	`connected_at` text,
	`checked_in_at` text,
	`checked_in_by` text,
	PRIMARY KEY(`seance_id`, `person_id`),
	FOREIGN KEY (`seance_id`) REFERENCES `seances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `seance_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`seance_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`item_id` text,
	`poll_id` text,
	`amendment_id` text,
	`arbitration_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`seance_id`) REFERENCES `seances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seance_decisions_seance` ON `seance_decisions` (`seance_id`);--> statement-breakpoint
CREATE TABLE `seance_polls` (
	`id` text PRIMARY KEY NOT NULL,
	`seance_id` text NOT NULL,
	`item_id` text,
	`question` text NOT NULL,
	`kind` text NOT NULL,
	`choices` text NOT NULL,
	`scope` text NOT NULL,
	`status` text NOT NULL,
	`passage` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`seance_id`) REFERENCES `seances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seance_polls_seance` ON `seance_polls` (`seance_id`);--> statement-breakpoint
CREATE TABLE `seance_votes` (
	`poll_id` text NOT NULL,
	`ballot_key` text NOT NULL,
	`voter_id` text NOT NULL,
	`commune_id` text,
	`value` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`poll_id`, `ballot_key`),
	FOREIGN KEY (`poll_id`) REFERENCES `seance_polls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `seances` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`starts_at` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`video_url` text,
	`invited_commune_ids` text NOT NULL,
	`invited_user_ids` text NOT NULL,
	`agenda` text NOT NULL,
	`status` text NOT NULL,
	`events` text NOT NULL,
	`follow` text,
	`speaking` text NOT NULL,
	`compte_rendu_id` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compte_rendu_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seances_project` ON `seances` (`project_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `seances_status` ON `seances` (`status`);