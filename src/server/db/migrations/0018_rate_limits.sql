-- Request rate limits shared by every API process on one database (issue 10 §7 scale-out): the login
-- route's per-address window lives here instead of in each process's memory. The key is a SHA-256 of the
-- route and the client's address (no address is stored); a window starts with its first hit.
CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" ("window_start");
