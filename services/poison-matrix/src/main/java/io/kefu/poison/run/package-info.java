/** Running the matrix: writing good and poison inputs in order, the context cases are built in, and waiting for outcomes. */
package io.kefu.poison.run;
