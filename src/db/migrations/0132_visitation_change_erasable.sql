-- Erasure and anonymisation must reach every table keyed by her (issue 13 added this one): the
-- application role clears its free text (reason) when a case is anonymised, so it needs UPDATE
-- beside SELECT, INSERT and DELETE. Without it, removing any woman was refused as a conflict.
GRANT UPDATE ON casework_visitation_change TO fremdrift_app;
