/**
 * The web console of {@code tonghop serve}: analysts and the federation sign in, see the
 * year of the provinces in their scope, its files and findings, roll-ups and their trace,
 * start runs and download the outputs. A package per feature; the pages call the batch
 * core's classes, never copy them. Only {@code serve} has it:
 * {@link ConsoleConfiguration} scans this package, which {@code TonghopApplication}'s
 * scan leaves out.
 */
package vn.tonghop.console;
