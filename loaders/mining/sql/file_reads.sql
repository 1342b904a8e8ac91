-- m_reads: rows read per input file.
SELECT file_idx, count(*) AS n FROM m_norm GROUP BY file_idx
