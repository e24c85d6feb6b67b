CREATE TABLE `amendment_votes` (
	`amendment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`commune_id` text,
	`stance` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`amendment_id`, `user_id`),
	FOREIGN KEY (`amendment_id`) REFERENCES `amendments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`project_id` text NOT NULL,
	`document_id` text NOT NULL,
	`original_text` text NOT NULL,
	`replacement_text` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decided_original_text` text,
	`new_text` text,
	`motivation` text,
	FOREIGN KEY (`thread_id`) REFERENCES `comment_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `amendments_thread` ON `amendments` (`thread_id`);--> statement-breakpoint
CREATE INDEX `amendments_project_decided` ON `amendments` (`project_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `amendments_document` ON `amendments` (`document_id`);--> statement-breakpoint
CREATE TABLE `comment_anchors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`document_id` text,
	`text_anchor` text,
	`section_id` text,
	`section_title` text,
	`record_type` text,
	`record_id` text,
	`target_id` text,
	`field` text,
	`commune_ids` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `comment_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_anchors_thread` ON `comment_anchors` (`thread_id`,`position`);--> statement-breakpoint
CREATE INDEX `comment_anchors_document` ON `comment_anchors` (`document_id`);--> statement-breakpoint
CREATE INDEX `comment_anchors_record` ON `comment_anchors` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `comment_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`previous_body` text NOT NULL,
	`edited_at` text NOT NULL,
	`edited_by` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `comment_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_edits_message` ON `comment_edits` (`message_id`,`id`);--> statement-breakpoint
CREATE TABLE `comment_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`author_commune_id` text,
	`body` text NOT NULL,
	`mentions` text NOT NULL,
	`created_at` text NOT NULL,
	`edited_at` text,
	`deleted_at` text,
	FOREIGN KEY (`thread_id`) REFERENCES `comment_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_messages_thread` ON `comment_messages` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `comment_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`round_id` text,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`author_commune_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_threads_project` ON `comment_threads` (`project_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `comment_threads_round` ON `comment_threads` (`round_id`);