-- Why a submission could not be graded, as a message key and its arguments (JSON), so that the page says it in its
-- reader's language; the English text stays in message for API clients and older readers.
ALTER TABLE submission ADD COLUMN explanation TEXT;
ALTER TABLE grade_history ADD COLUMN explanation TEXT;
