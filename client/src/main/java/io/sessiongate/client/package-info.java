/** Typed Java client for the sessiongate Rescue and APIServer APIs (issue 6). */
package io.sessiongate.client;
