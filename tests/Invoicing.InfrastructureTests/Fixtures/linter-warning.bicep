// Compiles, but with a linter warning (an unused parameter): the tests must treat it as a failure.

param unused string = 'nothing uses this'

output answer int = 42
