-- Security: units, principals (users and departments' service accounts), bearer
-- tokens (only their SHA-256 is stored), and the outcome of each audited call.

CREATE TABLE units (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  display_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: 1 user, 2 service account. role: crm.v1.Role. scopes: space-separated, service accounts only.
CREATE TABLE principals (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  kind TINYINT UNSIGNED NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  role TINYINT UNSIGNED NOT NULL,
  scopes VARCHAR(1000) NOT NULL DEFAULT '',
  active BOOLEAN NOT NULL DEFAULT TRUE,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  KEY principals_unit (unit_id, id),
  CONSTRAINT principals_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_tokens (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  principal_id VARCHAR(64) NOT NULL,
  token_sha256 BINARY(32) NOT NULL,
  -- The first characters of the token, so that people can tell tokens apart.
  prefix VARCHAR(16) NOT NULL,
  description VARCHAR(200) NOT NULL DEFAULT '',
  create_time DATETIME(6) NOT NULL,
  expire_time DATETIME(6) NULL,
  revoke_time DATETIME(6) NULL,
  UNIQUE KEY api_tokens_hash (token_sha256),
  KEY api_tokens_principal (principal_id, id),
  CONSTRAINT api_tokens_principal_fk FOREIGN KEY (principal_id) REFERENCES principals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE audit_log ADD COLUMN outcome VARCHAR(32) NOT NULL DEFAULT 'OK' AFTER resource_name;
