-- Every opportunity planned again by DESIGN's rules: a database that ran 0009 with a version
-- that did not plan what it merged kept two plans side by side on each merged opportunity.
-- adapters/storage/refold.py (replan_all) does it, after this file, in this transaction.
SELECT 1;
