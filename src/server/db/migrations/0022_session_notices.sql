-- Sessions are cached in each API process (the guard's lookup on every request). The database tells every
-- process when a cached session may have changed, on the channel quartier_sessions, at the commit of the
-- change: 's:<id>' for a session that ended or changed, 'u:<id>' for a user whose account changed (role,
-- sites, deactivation, second factor, password), '*' when a table was emptied (a restore). Touching
-- last_seen_at (once a minute per session) tells nobody; setting it back (an idle session) does.
CREATE OR REPLACE FUNCTION sessions_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('quartier_sessions', '*');
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('quartier_sessions', 's:' || OLD.id);
  ELSE
    PERFORM pg_notify('quartier_sessions', 'u:' || OLD.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notice_delete AFTER DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION sessions_notice();
--> statement-breakpoint
CREATE TRIGGER sessions_notice_update AFTER UPDATE ON "sessions"
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.id IS DISTINCT FROM NEW.id
    OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION sessions_notice();
--> statement-breakpoint
CREATE TRIGGER sessions_notice_truncate AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_notice();
--> statement-breakpoint
CREATE TRIGGER users_notice_change AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION sessions_notice();
--> statement-breakpoint
CREATE TRIGGER users_notice_truncate AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_notice();
