// name: schema/check
// description: Lists the constraints and indexes in place, for `db init` to report.
// mode: read
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name
