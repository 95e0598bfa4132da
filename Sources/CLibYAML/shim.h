// The system libyaml (Debian: libyaml-dev), used for the fast event-based inventory reader.
#include <yaml.h>
