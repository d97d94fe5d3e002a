import FuzzSupport

FuzzDriver.run { data, size in fuzzFeedsFile(data, size) }
