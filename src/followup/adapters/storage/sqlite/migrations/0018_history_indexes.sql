-- How the follow-up is going (`followup stats`, the Progress page) reads touches by step and due
-- day, and those made by the day they were made: covering indexes keep that a short read at
-- tens of thousands of touches.
CREATE INDEX touch_history ON touch (step, due, status, done_on, interview_id);
CREATE INDEX touch_made ON touch (status, done_on, step);
