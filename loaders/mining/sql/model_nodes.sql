-- m_model_nodes: each model with its first request time.
SELECT model, min(first_seen) AS first_seen FROM m_models GROUP BY model
