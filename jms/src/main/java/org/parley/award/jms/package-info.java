/** The badge queue's consumer: a thin MDB that hands each check to the badge service. */
package org.parley.award.jms;
