-- docker compose: one database per service (ARCHITECTURE.md, "Data ownership"). Run once, by the
-- postgres image, when its data volume is empty. Each service migrates its own with Flyway.
CREATE DATABASE crm;
CREATE DATABASE telephony;
CREATE DATABASE tasks;
CREATE DATABASE billing;
CREATE DATABASE timeline;
CREATE DATABASE notification;
