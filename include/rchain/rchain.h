/* rchain: contribution-analysis results-chain modelling. Includes the whole public API. */
#ifndef RCHAIN_RCHAIN_H
#define RCHAIN_RCHAIN_H

#include "rchain/common.h"
#include "rchain/model.h"
#include "rchain/evidence.h"
#include "rchain/check.h"
#include "rchain/confidence.h"
#include "rchain/render.h"
#include "rchain/schema.h"
#include "rchain/template.h"
#include "rchain/import.h"
#include "rchain/diff.h"
#include "rchain/file.h"
#include "rchain/output.h"

#endif
