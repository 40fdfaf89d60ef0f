-- Foundation: the audit log, request-id records, and the leads service's tables.
-- All times are UTC (sessions run with time_zone = '+00:00').

-- One append-only row per mutation, written in the same transaction as the change.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at DATETIME(6) NOT NULL,
  principal VARCHAR(128) NOT NULL,
  method VARCHAR(128) NOT NULL,
  resource_name VARCHAR(255) NOT NULL,
  request_id VARCHAR(64) NULL,
  before_json LONGTEXT NULL CHECK (before_json IS NULL OR JSON_VALID(before_json)),
  after_json LONGTEXT NULL CHECK (after_json IS NULL OR JSON_VALID(after_json)),
  KEY audit_log_resource (resource_name, id),
  KEY audit_log_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- AIP-155 request ids: the first answer to a call, so that a retry gets it again.
CREATE TABLE idempotency_keys (
  request_id VARCHAR(64) NOT NULL PRIMARY KEY,
  method VARCHAR(128) NOT NULL,
  principal VARCHAR(128) NOT NULL,
  resource_name VARCHAR(255) NOT NULL,
  response MEDIUMBLOB NOT NULL,
  created_at DATETIME(6) NOT NULL,
  KEY idempotency_keys_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE leads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  company_name VARCHAR(200) NOT NULL,
  -- company_name normalised for duplicate detection (see lead_rules.h).
  company_name_key VARCHAR(200) NOT NULL,
  uscc VARCHAR(18) NULL,
  target_list TINYINT UNSIGNED NOT NULL,
  channel TINYINT UNSIGNED NOT NULL,
  event_name VARCHAR(200) NOT NULL DEFAULT '',
  referrer VARCHAR(200) NOT NULL DEFAULT '',
  industry TINYINT UNSIGNED NOT NULL,
  country_region CHAR(2) NOT NULL DEFAULT '',
  estimated_investment_cny BIGINT NOT NULL DEFAULT 0 CHECK (estimated_investment_cny >= 0),
  owner_id VARCHAR(64) NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  status TINYINT UNSIGNED NOT NULL,
  disqualify_reason VARCHAR(500) NOT NULL DEFAULT '',
  contacts_json LONGTEXT NOT NULL CHECK (JSON_VALID(contacts_json)),
  notes TEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  delete_time DATETIME(6) NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  -- A USCC is unique among leads that are not deleted.
  -- (VARCHAR, not CHAR: MariaDB refuses CHAR in an indexed generated column.)
  active_uscc VARCHAR(18) AS (IF(delete_time IS NULL, uscc, NULL)) PERSISTENT,
  UNIQUE KEY leads_active_uscc (active_uscc),
  KEY leads_create (create_time, id),
  KEY leads_update (update_time, id),
  KEY leads_unit_create (unit_id, create_time, id),
  KEY leads_owner_create (owner_id, create_time, id),
  KEY leads_status_create (status, create_time, id),
  KEY leads_name_key (company_name_key),
  KEY leads_uscc (uscc)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Activities (走访记录) logged against a lead; append-only.
CREATE TABLE lead_activities (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id BIGINT UNSIGNED NOT NULL,
  kind TINYINT UNSIGNED NOT NULL,
  occur_date DATE NOT NULL,
  participants_json LONGTEXT NOT NULL CHECK (JSON_VALID(participants_json)),
  summary TEXT NOT NULL,
  next_step VARCHAR(500) NOT NULL DEFAULT '',
  next_step_date DATE NULL,
  creator_id VARCHAR(64) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  KEY lead_activities_lead (lead_id, occur_date, id),
  CONSTRAINT lead_activities_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
