import FuzzSupport

FuzzDriver.run { data, size in fuzzConfig(data, size) }
