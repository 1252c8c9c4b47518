-- Names folded as domain/folding.py says since this version: the Latin letters that do not
-- decompose are written as the ASCII letters they stand for ("Østergaard" is "ostergaard").
-- The address book's keys and the stable ids imports gave opportunities are computed again, and
-- people or opportunities that are now one are merged: adapters/storage/refold.py does it,
-- after this file, in this migration's transaction (SQL alone has no such folding).
SELECT 1;
