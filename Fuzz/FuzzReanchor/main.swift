import FuzzSupport

FuzzDriver.run { data, size in fuzzReanchor(data, size) }
