-- The article text is stored DEFLATE-compressed by the client, as in
-- SQLite (sqlstore.DeflateBody), behind a format byte; rows stored before
-- keep their text as is behind format byte 0. Compressed data gains
-- nothing from pglz: EXTERNAL stores it out of line without trying.
ALTER TABLE documents ALTER COLUMN body TYPE bytea USING ('\x00'::bytea || convert_to(body, 'UTF8'));
ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
