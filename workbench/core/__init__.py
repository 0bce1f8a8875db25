"""Plain domain data and the rules on it. Imports nothing outside the standard library."""
