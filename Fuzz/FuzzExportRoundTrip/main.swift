import FuzzSupport

FuzzDriver.run { data, size in fuzzExportRoundTrip(data, size) }
