/** In-framework tests of the assembled Meerwaarde bundles; nothing here is exported. */
package nl.meerwaarde.it;
