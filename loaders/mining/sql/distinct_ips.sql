-- m_rawips: the distinct raw IP texts of the valid rows, to be checked by the domain's IP rules.
SELECT DISTINCT ip_raw FROM m_norm WHERE ip_raw IS NOT NULL AND reject_reason IS NULL
