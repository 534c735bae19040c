package io.finbatch.jobs.cli;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code hash-password}: the bcrypt hash of a password for {@code finbatch.security.users[i].password-hash}.
 * The password is read from the terminal without echo, or from the first line of standard input; it is never
 * an argument (which would stay in the shell history and the process list).
 */
@Command(name = "hash-password", description = "Print the bcrypt hash of a password read from the terminal or"
        + " standard input, for finbatch.security.users[i].password-hash.")
public class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            return 2;
        }
        System.out.println(new BCryptPasswordEncoder(12).encode(password));
        return 0;
    }
}
