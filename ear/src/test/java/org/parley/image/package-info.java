/** The image proxy against a real image server, through the running application. */
package org.parley.image;
