/** What a chaos run stands on: an embedded broker and schema registry in a run directory, and a small real model. */
package io.kefu.chaos.env;
