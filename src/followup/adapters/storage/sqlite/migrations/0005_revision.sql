-- A counter that moves whenever an opportunity or a person met changes: what the letter check
-- derives from all of them (companies, names) is kept until it moves.
CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO revision (id, value) VALUES (1, 0);
CREATE TRIGGER opportunity_added AFTER INSERT ON opportunity
    BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER opportunity_changed AFTER UPDATE OF company ON opportunity
    BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER opportunity_removed AFTER DELETE ON opportunity
    BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER participant_added AFTER INSERT ON participant
    BEGIN UPDATE revision SET value = value + 1; END;
CREATE TRIGGER participant_removed AFTER DELETE ON participant
    BEGIN UPDATE revision SET value = value + 1; END;
