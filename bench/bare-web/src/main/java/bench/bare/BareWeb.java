package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class BareWeb {

    public static void main(String[] args) {
        SpringApplication.run(BareWeb.class, args);
    }

    @GetMapping("/")
    String home() {
        return "Hello";
    }
}
