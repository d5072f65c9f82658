package vn.tonghop.console;

import org.springframework.context.annotation.ComponentScan;

/**
 * The web console, added as a source of the application of {@code tonghop serve} only: it
 * scans {@code vn.tonghop.console}, which the other commands' scan leaves out. Not a
 * {@code @Configuration}, as {@code ServeConfiguration}.
 */
@ComponentScan("vn.tonghop.console")
public class ConsoleConfiguration {

}
