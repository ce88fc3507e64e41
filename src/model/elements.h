/* The elements of the model file format, numbered and named from model/elements.def. */
#ifndef RC_MODEL_ELEMENTS_H
#define RC_MODEL_ELEMENTS_H

enum element {
#define ELEMENT(constant, name, text) constant,
#include "model/elements.def"
#undef ELEMENT
	E_COUNT
};

/* The elements' names in files, indexed by element, NULL-terminated. */
extern const char *const element_names[E_COUNT + 1];

#endif
