/** The catalogue of poison cases: how each bad record is built and what it must end in. */
package io.kefu.poison.cases;
