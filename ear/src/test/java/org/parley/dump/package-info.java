/** Tests of Stack Exchange dump import and export through the running application (API, batch job, pages). */
package org.parley.dump;
