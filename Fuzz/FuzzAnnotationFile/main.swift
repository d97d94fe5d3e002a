import FuzzSupport

FuzzDriver.run { data, size in fuzzAnnotationFile(data, size) }
