// The system's libyaml (Debian: libyaml-dev; Homebrew: libyaml), found through pkg-config
// "yaml-0.1". A build error "'yaml.h' file not found" means it is not installed: see README.md.
#include <yaml.h>
