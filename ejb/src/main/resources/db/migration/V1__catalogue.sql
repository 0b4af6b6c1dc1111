-- Catalogue, locations and stock levels: the storefront foundation.
-- pg_trgm and fuzzystrmatch are trusted extensions (PostgreSQL 13+), so the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Sequences step by 50 to match the JPA allocation size; EclipseLink wants the first value to be a whole block.
CREATE SEQUENCE brand_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE category_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE product_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE variant_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE product_image_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE size_chart_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE location_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE stock_level_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE brand (
    id          BIGINT PRIMARY KEY,
    slug        VARCHAR(80)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description TEXT
);

CREATE TABLE category (
    id           BIGINT PRIMARY KEY,
    parent_id    BIGINT REFERENCES category (id),
    slug         VARCHAR(80)  NOT NULL,
    path         VARCHAR(300) NOT NULL UNIQUE,
    name         VARCHAR(120) NOT NULL,
    garment_type VARCHAR(40),
    position     INT          NOT NULL DEFAULT 0
);
CREATE INDEX category_parent_idx ON category (parent_id);
CREATE INDEX category_path_prefix_idx ON category (path varchar_pattern_ops);

CREATE TABLE product (
    id          BIGINT PRIMARY KEY,
    slug        VARCHAR(160) NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    brand_id    BIGINT       NOT NULL REFERENCES brand (id),
    category_id BIGINT       NOT NULL REFERENCES category (id),
    gender      VARCHAR(12)  NOT NULL,
    description TEXT         NOT NULL,
    material    VARCHAR(300),
    care        VARCHAR(500),
    tags        VARCHAR(500) NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ  NOT NULL,
    -- Written by the entity from its own name, brand, category path, colours and tags.
    search_text TEXT         NOT NULL,
    -- Stemmed (english) vector for ranking and matching; weighted name > brand/category > the rest.
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED
);
CREATE INDEX product_brand_idx ON product (brand_id);
CREATE INDEX product_category_idx ON product (category_id);
CREATE INDEX product_created_idx ON product (created_at DESC);
CREATE INDEX product_search_idx ON product USING GIN (search_vector);
CREATE INDEX product_name_trgm_idx ON product USING GIN (name gin_trgm_ops);

CREATE TABLE variant (
    id                BIGINT PRIMARY KEY,
    product_id        BIGINT      NOT NULL REFERENCES product (id),
    sku               VARCHAR(40) NOT NULL UNIQUE,
    barcode           CHAR(13)    NOT NULL UNIQUE CHECK (barcode ~ '^[0-9]{13}$'),
    size_label        VARCHAR(16) NOT NULL,
    size_position     INT         NOT NULL,
    colour_name       VARCHAR(40) NOT NULL,
    colour_hex        CHAR(7)     NOT NULL CHECK (colour_hex ~ '^#[0-9a-f]{6}$'),
    price_minor       BIGINT      NOT NULL CHECK (price_minor > 0),
    currency          CHAR(3)     NOT NULL,
    sale_price_minor  BIGINT CHECK (sale_price_minor > 0),
    sale_currency     CHAR(3),
    CHECK (sale_price_minor IS NULL OR sale_price_minor < price_minor)
);
CREATE INDEX variant_product_idx ON variant (product_id);
CREATE INDEX variant_size_idx ON variant (size_label);
CREATE INDEX variant_colour_idx ON variant (colour_name);

CREATE TABLE product_image (
    id          BIGINT PRIMARY KEY,
    product_id  BIGINT       NOT NULL REFERENCES product (id),
    colour_name VARCHAR(40)  NOT NULL,
    position    INT          NOT NULL,
    -- Where the original comes from: 'generated:<garment>:<hex>:<view>' for demo pictures, 'file:<name>' for uploads.
    source      VARCHAR(200) NOT NULL,
    alt_text    VARCHAR(300) NOT NULL
);
CREATE INDEX product_image_product_idx ON product_image (product_id);

CREATE TABLE size_chart (
    id          BIGINT PRIMARY KEY,
    brand_id    BIGINT NOT NULL REFERENCES brand (id),
    category_id BIGINT NOT NULL REFERENCES category (id),
    fit_notes   TEXT   NOT NULL,
    UNIQUE (brand_id, category_id)
);

CREATE TABLE size_chart_measurement (
    size_chart_id BIGINT       NOT NULL REFERENCES size_chart (id) ON DELETE CASCADE,
    size_label    VARCHAR(16)  NOT NULL,
    size_position INT          NOT NULL,
    measure       VARCHAR(40)  NOT NULL,
    cm            NUMERIC(5,1) NOT NULL CHECK (cm > 0),
    PRIMARY KEY (size_chart_id, size_label, measure)
);

-- Words of the catalogue, for correcting typos in search before the full-text match.
CREATE TABLE search_word (
    word      VARCHAR(80) PRIMARY KEY,
    frequency INT         NOT NULL
);
CREATE INDEX search_word_trgm_idx ON search_word USING GIN (word gin_trgm_ops);

CREATE TABLE location (
    id             BIGINT PRIMARY KEY,
    code           VARCHAR(20)  NOT NULL UNIQUE,
    name           VARCHAR(120) NOT NULL,
    kind           VARCHAR(12)  NOT NULL CHECK (kind IN ('STORE', 'WAREHOUSE')),
    fulfils_online BOOLEAN      NOT NULL
);

CREATE TABLE stock_level (
    id          BIGINT PRIMARY KEY,
    variant_id  BIGINT NOT NULL REFERENCES variant (id),
    location_id BIGINT NOT NULL REFERENCES location (id),
    on_hand     INT    NOT NULL CHECK (on_hand >= 0),
    reserved    INT    NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    UNIQUE (variant_id, location_id)
);
CREATE INDEX stock_level_location_idx ON stock_level (location_id);
