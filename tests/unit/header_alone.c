/* Compiled once per public header (see meson.build): the header must stand alone. */
#include RC_HEADER

int RC_HEADER_FN(void);

int RC_HEADER_FN(void)
{
	return 0;
}
