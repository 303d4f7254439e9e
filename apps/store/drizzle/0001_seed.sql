-- The demo's starting data, on a fresh database: the admin alice (password "wonderland", hashed with Argon2id)
-- and three items. A migration runs once per database, so a restart never adds them again.
INSERT INTO "users" ("username", "email", "full_name", "password_hash", "is_admin")
VALUES ('alice', 'alice@example.com', 'Alice Liddell', '$argon2id$v=19$m=19456,t=2,p=1$JcrVjwPiP59AovYcKxKMQg$/tctzuePIEYB2o17Dg1b0SO39VKy6q+ojfCEk43wx8o', true)
ON CONFLICT ("username") DO NOTHING;
--> statement-breakpoint
INSERT INTO "items" ("name", "description", "price", "tax", "tags", "stock") VALUES
  ('Keyboard', 'Mechanical, 87 keys', 89.90, 18.00, '{hardware}', 12),
  ('Mouse', NULL, 25.00, NULL, '{hardware}', 40),
  ('USB cable', NULL, 4.50, NULL, '{}', 0);
