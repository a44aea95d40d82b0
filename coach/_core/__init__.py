"""The core: rules, the checker, facts, the policy, the guard and the result schemas. Imports nothing above it."""
