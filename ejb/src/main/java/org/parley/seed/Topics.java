package org.parley.seed;

import java.util.List;
import org.parley.seed.Topic.Snippet;

/** The three demo topics: programming (the default site), bicycles, and beer, wine &amp; spirits. */
final class Topics {

  private Topics() {}

  private static final List<String> FIRST =
      List.of(
          "Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
          "Marco", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xenia",
          "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Diego", "Emil", "Fatima", "Goran", "Hanna", "Ivan", "Jade");

  private static final List<String> LAST =
      List.of(
          "Okafor", "Lindqvist", "Moreau", "Petrov", "Garcia", "Haddad", "Schmidt", "Tanaka", "Silva", "Berg",
          "Yilmaz", "Novak", "Rossi", "Khan", "Dubois", "Sharma", "Leclerc", "Alvarez", "Nilsson", "Walsh",
          "Farouk", "Kowalski", "Chen", "Ivanova", "Demir", "Fischer", "Mensah", "Costa", "Ortega", "Ramos");

  static final Topic PROGRAMMING =
      new Topic(
          List.of(
              "java", "python", "javascript", "sql", "jpa", "hibernate", "spring", "git", "docker", "linux",
              "css", "html", "typescript", "node.js", "react", "postgresql", "bash", "regex", "json", "rest",
              "jakarta-ee", "wildfly", "maven", "gradle", "junit", "kotlin", "c#", ".net", "c++", "go", "rust",
              "kubernetes", "mysql", "redis", "kafka", "http", "security", "oauth", "performance", "concurrency",
              "multithreading", "collections", "streams", "generics", "exceptions", "logging", "datetime",
              "unicode", "algorithms", "recursion", "sorting", "csv", "xml", "android", "swift", "mongodb",
              "websocket", "caching", "testing", "debugging"),
          List.of(
              "How do I {thing} in {tag}?",
              "Why does {tag} {problem}?",
              "What is the best way to {thing} with {tag}?",
              "Is it possible to {thing} without {other}?",
              "Why does {tag} {problem} when I {thing}?",
              "Why do I get an error when I {thing} in {tag}?",
              "What is the difference between {other} and {tag} when I {thing}?",
              "{tag}: how to {thing} efficiently?",
              "How should I {thing} in a large {tag} project?",
              "Can someone explain why {tag} {problem}?"),
          List.of(
              "parse a date string", "read a large file line by line", "sort a list of objects by two fields",
              "remove duplicates from a list", "split a string on whitespace", "call a REST endpoint",
              "map a one-to-many relationship", "write a unit test for a private method", "handle null values",
              "paginate query results", "escape user input", "merge two branches", "configure a connection pool",
              "convert JSON to an object", "run a task in the background", "cache expensive results",
              "validate an email address", "compare two timestamps", "stream a response", "retry a failed request",
              "join three tables", "group rows by month", "format a number with two decimals",
              "debug a memory leak", "share state between threads", "deploy a container"),
          List.of(
              "throw a NullPointerException", "return an empty result", "run so slowly", "ignore my configuration",
              "use so much memory", "fail only in production", "produce different results on each run",
              "deadlock under load", "lose the time zone", "print garbled characters", "time out after 30 seconds",
              "load every row twice", "compile but fail at runtime", "hang on shutdown"),
          List.of(
              "I am working on a small service and ran into something I cannot explain.",
              "I have been stuck on this for a couple of hours now.",
              "This is probably simple, but I could not find a clear answer in the documentation.",
              "We recently upgraded our dependencies and since then this behaves differently.",
              "I am new to this and trying to understand what is going on.",
              "Our team hit this in code review and nobody was sure what the right approach is."),
          List.of(
              "The data set is not huge, maybe a few hundred thousand rows, but it still takes far too long.",
              "It works on my machine, but the build server shows a different result.",
              "The logs do not show anything useful, even at debug level.",
              "When I run it in the debugger everything looks fine.",
              "I would rather not add another library just for this.",
              "Performance matters here because this runs on every request."),
          List.of(
              "Searching for the error message", "Upgrading to the latest version", "Adding more logging",
              "Running it with a smaller input", "Reading the official guide again", "Restarting everything",
              "Rewriting the loop with a stream", "Switching the driver version"),
          List.of(
              "The short answer is that you are doing two things at once.",
              "This is a common pitfall, and the documentation is not very clear about it.",
              "You are close; the problem is in the order of operations.",
              "There are two ways to approach this, depending on your constraints.",
              "What you see is expected behaviour, although it is surprising at first.",
              "I ran into exactly this last year."),
          List.of(
              "Make the conversion explicit instead of relying on the default.",
              "Move the expensive call out of the loop.",
              "Use a prepared statement and let the database do the filtering.",
              "Close the resource in a try-with-resources block.",
              "Pass the time zone explicitly everywhere.",
              "Fetch the association in the same query.",
              "Measure first; the bottleneck is rarely where you expect.",
              "Write a small test that reproduces it before changing anything."),
          List.of(
              "That should fix it; let me know if the error persists.",
              "With that change the run time went from minutes to a second for me.",
              "See the reference documentation for the details of each option.",
              "If you cannot change the schema, the second approach still works.",
              "Hope this helps."),
          List.of(
              "Which version are you using? The behaviour changed recently.",
              "Could you post the full stack trace, please?",
              "This worked for me, thanks a lot for the clear explanation!",
              "Have you tried running it with a smaller input first?",
              "Note that this is not thread-safe as written.",
              "Possible duplicate of an older question, but the answers there are outdated.",
              "Great answer, the second example is exactly what I needed.",
              "Please include a minimal reproducible example."),
          List.of(
              new Snippet("java", List.of("java", "jpa", "hibernate", "spring", "jakarta-ee", "streams", "collections",
                  "generics", "concurrency", "multithreading", "junit", "exceptions", "datetime", "wildfly"),
                  "List<Order> orders = repository.findByCustomer(customerId);\n"
                      + "Map<Status, Long> counts = orders.stream()\n"
                      + "    .collect(Collectors.groupingBy(Order::status, Collectors.counting()));\n"
                      + "System.out.println(counts);"),
              new Snippet("java", List.of("java", "jpa", "hibernate", "sql"),
                  "@Entity\npublic class Customer {\n  @Id @GeneratedValue\n  private Long id;\n\n"
                      + "  @OneToMany(mappedBy = \"customer\")\n  private List<Order> orders = new ArrayList<>();\n}"),
              new Snippet("python", List.of("python", "csv", "json", "algorithms", "sorting", "recursion"),
                  "import csv\n\nwith open(\"data.csv\", newline=\"\") as f:\n"
                      + "    rows = [r for r in csv.DictReader(f) if r[\"status\"] == \"open\"]\n"
                      + "print(len(rows))"),
              new Snippet("javascript", List.of("javascript", "node.js", "react", "typescript", "json", "rest",
                  "http", "websocket"),
                  "const response = await fetch(`/api/items?page=${page}`);\n"
                      + "if (!response.ok) {\n  throw new Error(`HTTP ${response.status}`);\n}\n"
                      + "const items = await response.json();"),
              new Snippet("sql", List.of("sql", "postgresql", "mysql", "jpa", "performance"),
                  "SELECT c.name, COUNT(o.id) AS orders\nFROM customer c\n"
                      + "LEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.name\nORDER BY orders DESC;"),
              new Snippet("bash", List.of("bash", "linux", "git", "docker", "kubernetes", "maven", "gradle"),
                  "#!/usr/bin/env bash\nset -euo pipefail\nfor f in logs/*.log; do\n"
                      + "  grep -c ERROR \"$f\" || true\ndone"),
              new Snippet("text", List.of(),
                  "Exception in thread \"main\" java.lang.IllegalStateException: Connection is closed\n"
                      + "    at com.example.Repository.load(Repository.java:42)\n"
                      + "    at com.example.Main.main(Main.java:12)")),
          FIRST,
          LAST);

  static final Topic BICYCLES =
      new Topic(
          List.of(
              "maintenance", "gears", "brakes", "tyres", "wheels", "chain", "derailleur", "road-bike",
              "mountain-bike", "commuting", "saddle", "frame", "fitting", "tubeless", "hydraulic-brakes",
              "bottom-bracket", "headset", "pedals", "lights", "touring", "cassette", "spokes", "winter-riding",
              "e-bike"),
          List.of(
              "How do I {thing} on my {tag} setup?",
              "Why does my {tag} {problem}?",
              "What is the best way to {thing} before a long ride?",
              "Is it safe to {thing} without {other}?",
              "How often should I {thing} when commuting daily?",
              "Why does my {tag} {problem} since I tried to {thing}?"),
          List.of(
              "adjust the rear derailleur", "replace brake pads", "true a wheel", "clean the chain",
              "set the saddle height", "fit wider tyres", "bleed hydraulic brakes", "replace a cassette",
              "tighten the headset", "patch an inner tube", "convert to tubeless", "lubricate the drivetrain"),
          List.of(
              "squeak when braking", "skip gears under load", "keep losing pressure", "click on every pedal stroke",
              "rub against the frame", "feel spongy", "wobble at high speed", "drop the chain on climbs"),
          List.of(
              "I ride about 20 km a day to work, mostly on paved roads.",
              "I bought a second-hand bike last month and am learning to maintain it myself.",
              "This started after a wet winter ride.",
              "My local shop is booked for weeks, so I would like to try this myself."),
          List.of(
              "The bike is about five years old and has had little maintenance.",
              "It only happens in the two smallest cogs.",
              "I have the basic tools, but no torque wrench.",
              "It gets worse when the weather is cold."),
          List.of(
              "Cleaning everything with degreaser", "Turning the barrel adjuster", "Watching a few videos",
              "Swapping the wheels with a friend's bike", "Checking the tyre pressure"),
          List.of(
              "This is almost always a cable tension issue.",
              "Start with the cheapest and most likely cause first.",
              "Before you buy new parts, check for wear.",
              "I had the same problem on my commuter."),
          List.of(
              "Shift to the smallest cog and turn the barrel adjuster a quarter turn at a time.",
              "Check the hanger alignment; a bent hanger causes most shifting trouble.",
              "Measure chain wear with a checker and replace it at 0.5 percent.",
              "Clean the rim and pads with isopropyl alcohol.",
              "Tighten bolts to the torque printed on the part.",
              "Let the sealant spread by spinning the wheel for a minute."),
          List.of(
              "After that it should shift cleanly across the whole cassette.",
              "If it still happens, take it to a shop to check the frame alignment.",
              "Happy riding!"),
          List.of(
              "Which groupset is on the bike?",
              "A photo of the derailleur would help a lot.",
              "Thanks, the barrel adjuster trick fixed it!",
              "Make sure the quick release is closed properly.",
              "Worn cables can cause the same symptoms."),
          List.of(
              new Snippet("text", List.of(),
                  "Tyre size:    28-622 (700x28c)\nPressure:     5.5 bar front, 6.0 bar rear\n"
                      + "Chain wear:   0.6 percent\nLast service: about a year ago")),
          FIRST,
          LAST);

  static final Topic BEER =
      new Topic(
          List.of(
              "homebrewing", "ale", "lager", "ipa", "stout", "wine", "whisky", "hops", "yeast", "fermentation",
              "storage", "serving", "pairing", "cider", "mead", "bourbon", "gin", "aging", "glassware",
              "temperature", "sour", "cocktails"),
          List.of(
              "How do I {thing} at home?",
              "Why does my {tag} {problem}?",
              "What is the best way to {thing} for a party?",
              "Is it fine to {thing} without {other}?",
              "How long should I {thing} before it is ready?",
              "Why does my {tag} {problem}, and can it still be saved?"),
          List.of(
              "store an opened bottle of wine", "carbonate a batch of ale", "dry hop an IPA", "age a stout",
              "pair cheese with whisky", "chill beer quickly", "start a yeast starter", "clear a cloudy cider",
              "serve a lager at the right temperature", "make a simple mead", "choose a glass for tasting"),
          List.of(
              "taste sour", "stay cloudy", "smell like vinegar", "lose its fizz", "taste metallic",
              "foam too much", "stop fermenting early", "taste too sweet"),
          List.of(
              "I brew small batches in my kitchen, about 20 litres at a time.",
              "We are hosting a tasting evening for friends next month.",
              "I received a bottle as a gift and want to do it justice.",
              "This is my third batch and the first two went fine."),
          List.of(
              "The fermenter stays at about 19 degrees Celsius.",
              "I followed the recipe closely, apart from the yeast.",
              "The bottles are stored in a cupboard away from light.",
              "I sanitised everything twice."),
          List.of(
              "Waiting another week", "Moving it somewhere cooler", "Adding more priming sugar",
              "Reading the homebrew forums", "Asking at the local shop"),
          List.of(
              "This is usually down to temperature control.",
              "Good news: it is most likely still fine to drink.",
              "Patience is the most underrated ingredient.",
              "I have made exactly this mistake before."),
          List.of(
              "Keep fermentation at a steady temperature near the bottom of the yeast's range.",
              "Give the bottles two more weeks at room temperature to carbonate.",
              "Store wine on its side, in the dark, at a constant cool temperature.",
              "Add the hops for the last three to five days only.",
              "Chill the glass, not just the drink.",
              "Taste a sample before you decide anything."),
          List.of(
              "Cheers, and enjoy the next batch!",
              "If the smell is really off, dump it and start over.",
              "A hydrometer reading would tell you for sure."),
          List.of(
              "What was the original gravity?",
              "Which yeast strain did you use?",
              "This saved my batch, thank you!",
              "Try a tulip glass for that one.",
              "Temperature swings are the usual culprit."),
          List.of(
              new Snippet("text", List.of(),
                  "Original gravity: 1.052\nFinal gravity:    1.012\nABV:              about 5.3 percent\n"
                      + "Fermentation:     14 days at 19 C")),
          FIRST,
          LAST);
}
