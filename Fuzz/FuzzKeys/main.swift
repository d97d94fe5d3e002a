import FuzzSupport

FuzzDriver.run { data, size in fuzzKeys(data, size) }
