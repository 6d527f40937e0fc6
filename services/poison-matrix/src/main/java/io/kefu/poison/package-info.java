/** The poison matrix: bad inputs on customer-messages and feedback, run against the real services, judged per case. */
package io.kefu.poison;
