/* The bidirectional-control test, public for the command line's own arguments. */
#include "base/bidi.h"

#include "rchain/common.h"

unsigned long rc_bidi_control_in(const char *text)
{
	return bidi_find(text);
}
