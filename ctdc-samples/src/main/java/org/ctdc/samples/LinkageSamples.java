package org.ctdc.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of two or three partner extracts of invented people with a known overlap, for testing and
 * measuring record linkage. Each extract is a CSV text with the columns {@code record_id, given_name,
 * family_name, date_of_birth, sex}; the truth lists every pair of records (of two extracts) that stand for one
 * person. The same arguments always give the same extracts, byte for byte.
 *
 * <p>People are drawn from three naming traditions: Latin-script names; Russian and Ukrainian names, written in
 * Cyrillic script by some partners and in several Latin transliterations by others ({@code Сергей}, {@code Sergei},
 * {@code Sergey}, {@code Serguei}); Arabic names in several Latin spellings ({@code Mohammed}, {@code Muhammad},
 * {@code Mohamed}). Every extract writes a person's name in a spelling it draws itself, and then corrupts the
 * record as the {@link Corruption} says: a typo (one letter substituted, dropped, doubled or two letters
 * transposed), given and family name swapped, a field left blank, day and month swapped, or only an estimated
 * birth year (off by up to two years). The first extract writes dates as ISO {@code yyyy-mm-dd}, the others as
 * {@code dd/mm/yyyy}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class LinkageSamples {

  /** The header of every extract. */
  public static final List<String> HEADER = List.of("record_id", "given_name", "family_name", "date_of_birth", "sex");

  private LinkageSamples() {}

  /**
   * How often each corruption happens to a record, each drawn independently.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param typo a typo in the given or the family name
   * @param swap given and family name swapped
   * @param missing each of the four fields left blank (each drawn on its own)
   * @param dayMonthSwap day and month of the birth date swapped (when the day is at most 12)
   * @param estimatedYear only an estimated birth year, off by up to two years
   */
  public record Corruption(double typo, double swap, double missing, double dayMonthSwap, double estimatedYear) {
    /** Validates: every share lies in [0, 1]. */
    public Corruption {
      for (double d : new double[] {typo, swap, missing, dayMonthSwap, estimatedYear}) {
        if (!(d >= 0 && d <= 1)) {
          throw new IllegalArgumentException("a corruption share must lie in [0, 1], is " + d);
        }
      }
    }

    /** @return the default: typo 0.1, swap 0.05, missing 0.02, day/month swap 0.05, estimated year 0.05 */
    public static Corruption defaults() {
      return new Corruption(0.1, 0.05, 0.02, 0.05, 0.05);
    }

    /** @return no corruption (transliteration variants and date formats still differ) */
    public static Corruption none() {
      return new Corruption(0, 0, 0, 0, 0);
    }
  }

  /**
   * One partner's extract.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param name the extract's name ({@code partner-a}, {@code partner-b}, {@code partner-c})
   * @param csv the CSV text with {@link #HEADER}, lines ending in {@code \n}
   * @param rows the number of data rows
   */
  public record Extract(String name, String csv, int rows) {
    /** Validates. */
    public Extract {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(csv, "csv");
    }
  }

  /**
   * A record of the truth: two records of two extracts that stand for the same person.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param extractA the first extract's name (the earlier one)
   * @param idA the record id there
   * @param extractB the second extract's name
   * @param idB the record id there
   */
  public record TruePair(String extractA, String idA, String extractB, String idB) {}

  /**
   * Generated extracts with their truth.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param extracts the extracts
   * @param truth every pair of records of one person in two extracts
   * @param people the number of people behind the extracts
   */
  public record Linkage(List<Extract> extracts, List<TruePair> truth, int people) {
    /** Copies. */
    public Linkage {
      extracts = List.copyOf(extracts);
      truth = List.copyOf(truth);
    }
  }

  private record Person(int tradition, int given, int family, int year, int month, int day, boolean female) {}

  /**
   * Generates extracts.
   *
   * @param seed the seed
   * @param parties 2 or 3
   * @param people the number of people, at least 1
   * @param overlap the share of people recorded by more than one extract (in [0, 1]); with three extracts an
   *     overlapping person is in two or in all three
   * @param corruption the corruption
   * @return the extracts and their truth
   */
  public static Linkage generate(long seed, int parties, int people, double overlap, Corruption corruption) {
    if (parties < 2 || parties > 3) {
      throw new IllegalArgumentException("parties must be 2 or 3, is " + parties);
    }
    if (people < 1) {
      throw new IllegalArgumentException("people must be at least 1, is " + people);
    }
    if (!(overlap >= 0 && overlap <= 1)) {
      throw new IllegalArgumentException("overlap must lie in [0, 1], is " + overlap);
    }
    Objects.requireNonNull(corruption, "corruption");
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<int[]>> members = new ArrayList<>(); // per extract: {person, id}
    for (int p = 0; p < parties; p++) {
      members.add(new ArrayList<>());
    }
    List<Person> persons = new ArrayList<>();
    List<int[]> subsets = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      int t = rnd.nextInt(10) < 6 ? 0 : rnd.nextBoolean() ? 1 : 2;
      boolean female = rnd.nextBoolean();
      String[][] givens = givens(t, female);
      Person person = new Person(t, rnd.nextInt(givens.length), rnd.nextInt(family(t).length),
          1950 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), female);
      persons.add(person);
      int[] in;
      if (rnd.nextDouble() < overlap) {
        in = parties == 2 || rnd.nextInt(3) == 0 ? allOf(parties) : twoOf(rnd, parties);
      } else {
        in = new int[] {rnd.nextInt(parties)};
      }
      subsets.add(in);
    }
    // record ids: a random permutation of numbers per extract, so ids say nothing about the overlap
    List<List<Integer>> idPools = new ArrayList<>();
    for (int p = 0; p < parties; p++) {
      idPools.add(new ArrayList<>());
    }
    for (int i = 0; i < people; i++) {
      for (int p : subsets.get(i)) {
        members.get(p).add(new int[] {i, 0});
      }
    }
    List<Extract> extracts = new ArrayList<>();
    String[][] ids = new String[parties][people];
    for (int p = 0; p < parties; p++) {
      List<int[]> m = members.get(p);
      List<Integer> numbers = new ArrayList<>();
      for (int k = 0; k < m.size(); k++) {
        numbers.add(100000 + k);
      }
      Collections.shuffle(numbers, new java.util.Random(rnd.nextLong()));
      shuffle(m, rnd);
      StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
      char letter = (char) ('A' + p);
      for (int k = 0; k < m.size(); k++) {
        int person = m.get(k)[0];
        String id = letter + "-" + numbers.get(k);
        ids[p][person] = id;
        sb.append(id).append(',').append(render(persons.get(person), p, rnd, corruption)).append('\n');
      }
      extracts.add(new Extract("partner-" + Character.toLowerCase(letter), sb.toString(), m.size()));
    }
    List<TruePair> truth = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      int[] in = subsets.get(i);
      for (int x = 0; x < in.length; x++) {
        for (int y = x + 1; y < in.length; y++) {
          truth.add(new TruePair(extracts.get(in[x]).name(), ids[in[x]][i], extracts.get(in[y]).name(), ids[in[y]][i]));
        }
      }
    }
    return new Linkage(extracts, truth, people);
  }

  private static int[] allOf(int parties) {
    return parties == 2 ? new int[] {0, 1} : new int[] {0, 1, 2};
  }

  private static int[] twoOf(SplittableRandom rnd, int parties) {
    int left = rnd.nextInt(parties);
    int[] r = new int[2];
    int k = 0;
    for (int p = 0; p < parties; p++) {
      if (p != left) {
        r[k++] = p;
      }
    }
    return r;
  }

  private static <T> void shuffle(List<T> l, SplittableRandom rnd) {
    for (int i = l.size() - 1; i > 0; i--) {
      Collections.swap(l, i, rnd.nextInt(i + 1));
    }
  }

  private static String render(Person p, int party, SplittableRandom rnd, Corruption c) {
    String[] gv = givens(p.tradition(), p.female())[p.given()];
    String[] fv = family(p.tradition())[p.family()];
    // Cyrillic script (variant 0) is written by the second extract only, the others pick a Latin spelling
    String given = spelling(gv, p.tradition(), party, rnd);
    String family = spelling(fv, p.tradition(), party, rnd);
    if (p.tradition() == 1 && p.female() && !family.isEmpty()) {
      family = feminine(family);
    }
    if (rnd.nextDouble() < c.typo()) {
      if (rnd.nextBoolean()) {
        given = typo(given, rnd);
      } else {
        family = typo(family, rnd);
      }
    }
    if (rnd.nextDouble() < c.swap()) {
      String t = given;
      given = family;
      family = t;
    }
    int day = p.day();
    int month = p.month();
    if (rnd.nextDouble() < c.dayMonthSwap() && day <= 12) {
      int t = day;
      day = month;
      month = t;
    }
    String dob;
    if (rnd.nextDouble() < c.estimatedYear()) {
      dob = Integer.toString(p.year() + rnd.nextInt(5) - 2);
    } else if (party == 0) {
      dob = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", p.year(), month, day);
    } else {
      dob = String.format(java.util.Locale.ROOT, "%02d/%02d/%04d", day, month, p.year());
    }
    String sex = party == 0 ? (p.female() ? "F" : "M") : (p.female() ? "female" : "male");
    String[] f = {given, family, dob, sex};
    for (int i = 0; i < f.length; i++) {
      if (rnd.nextDouble() < c.missing()) {
        f[i] = "";
      }
    }
    return String.join(",", f);
  }

  private static String spelling(String[] variants, int tradition, int party, SplittableRandom rnd) {
    if (tradition == 1) {
      if (party == 1) {
        return variants[0];
      }
      return variants[1 + rnd.nextInt(variants.length - 1)];
    }
    return variants[rnd.nextInt(variants.length)];
  }

  private static String feminine(String family) {
    if (family.endsWith("ий")) {
      return family.substring(0, family.length() - 2) + "ая";
    }
    if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ин")) {
      return family + "а";
    }
    if (family.endsWith("y") || family.endsWith("i")) {
      return family.substring(0, family.length() - 1) + "aya";
    }
    if (family.endsWith("ov") || family.endsWith("ev") || family.endsWith("in") || family.endsWith("off")) {
      return (family.endsWith("off") ? family.substring(0, family.length() - 2) + "v" : family) + "a";
    }
    return family;
  }

  private static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    char c = (char) ('a' + rnd.nextInt(26));
    StringBuilder b = new StringBuilder(s);
    switch (rnd.nextInt(4)) {
      case 0 -> b.setCharAt(i, c);
      case 1 -> b.deleteCharAt(i);
      case 2 -> b.insert(i, b.charAt(i));
      default -> {
        char t = b.charAt(i);
        b.setCharAt(i, b.charAt(i - 1));
        b.setCharAt(i - 1, t);
      }
    }
    return b.toString();
  }

  private static String[][] givens(int tradition, boolean female) {
    return switch (tradition) {
      case 0 -> female ? LATIN_F : LATIN_M;
      case 1 -> female ? SLAVIC_F : SLAVIC_M;
      default -> female ? ARABIC_F : ARABIC_M;
    };
  }

  private static String[][] family(int tradition) {
    return switch (tradition) {
      case 0 -> LATIN_FAMILY;
      case 1 -> SLAVIC_FAMILY;
      default -> ARABIC_FAMILY;
    };
  }

  private static String[][] single(String... names) {
    String[][] r = new String[names.length][];
    for (int i = 0; i < names.length; i++) {
      r[i] = new String[] {names[i]};
    }
    return r;
  }

  private static final String[][] LATIN_F = single(
      "Maria", "Ana", "Sofia", "Isabel", "Lucia", "Elena", "Carmen", "Rosa", "Julia", "Laura", "Marta", "Paula",
      "Sara", "Andrea", "Clara", "Teresa", "Beatriz", "Camila", "Valentina", "Daniela", "Gabriela", "Mariana",
      "Fernanda", "Adriana", "Patricia", "Monica", "Silvia", "Veronica", "Lorena", "Natalia", "Jennifer", "Emily",
      "Jessica", "Ashley", "Amanda", "Sarah", "Grace", "Joy", "Blessing", "Esther", "Ruth", "Mercy", "Faith",
      "Chloe", "Amelie", "Manon", "Ines", "Juliette", "Agnieszka", "Katarzyna", "Ioana", "Andreea", "Mihaela");
  private static final String[][] LATIN_M = single(
      "Jose", "Juan", "Carlos", "Luis", "Miguel", "Jorge", "Pedro", "Pablo", "Diego", "Andres", "Javier", "Rafael",
      "Fernando", "Ricardo", "Eduardo", "Roberto", "Alejandro", "Sergio", "Manuel", "Antonio", "Francisco", "Mateo",
      "Santiago", "Nicolas", "Gabriel", "Daniel", "David", "Michael", "James", "John", "Robert", "William",
      "Joseph", "Thomas", "Emmanuel", "Samuel", "Chinedu", "Kwame", "Kofi", "Tunde", "Pierre", "Jean", "Louis",
      "Hugo", "Piotr", "Tomasz", "Andrei", "Mihai", "Bogdan", "Nguyen", "Minh", "Tuan");
  private static final String[][] LATIN_FAMILY = single(
      "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
      "Flores", "Rivera", "Gomez", "Diaz", "Cruz", "Morales", "Reyes", "Gutierrez", "Ortiz", "Jimenez", "Ruiz",
      "Alvarez", "Mendoza", "Castillo", "Vargas", "Romero", "Herrera", "Medina", "Aguilar", "Castro", "Silva",
      "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Almeida", "Carvalho", "Ferreira", "Rocha", "Smith",
      "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
      "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen",
      "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
      "Okafor", "Okeke", "Adeyemi", "Mensah", "Owusu", "Boateng", "Nwosu", "Eze", "Dubois", "Moreau", "Laurent",
      "Lefebvre", "Fontaine", "Kowalski", "Nowak", "Wisniewski", "Popescu", "Ionescu", "Dumitru", "Stan",
      "Tran", "Pham", "Hoang", "Vu", "Dang", "Bui", "Mendes", "Barbosa", "Ribeiro", "Moreira", "Navarro", "Dominguez",
      "Vasquez", "Ramos", "Rojas", "Salazar", "Fuentes", "Cabrera", "Guerrero", "Molina", "Campos", "Delgado",
      "Vega", "Soto", "Contreras", "Pena", "Sandoval", "Guzman", "Espinoza", "Acosta", "Figueroa", "Valencia");
  private static final String[][] SLAVIC_F = {
    {"Анна", "Anna", "Ana"}, {"Мария", "Mariya", "Maria", "Marija"}, {"Елена", "Elena", "Yelena", "Jelena"},
    {"Ольга", "Olga", "Olha"}, {"Наталья", "Natalya", "Natalia", "Natalja"}, {"Ирина", "Irina", "Iryna"},
    {"Татьяна", "Tatyana", "Tatiana", "Tatjana"}, {"Светлана", "Svetlana", "Svitlana"},
    {"Юлия", "Yulia", "Yuliya", "Julia"}, {"Екатерина", "Ekaterina", "Yekaterina", "Katerina"},
    {"Оксана", "Oksana", "Oxana"}, {"Людмила", "Lyudmila", "Ludmila", "Liudmyla"}, {"Галина", "Galina", "Halyna"},
    {"Ксения", "Kseniya", "Ksenia", "Xenia"}, {"Дарья", "Darya", "Daria", "Dariya"}, {"Алёна", "Alyona", "Alena", "Aliona"},
    {"Виктория", "Viktoriya", "Victoria", "Viktoria"}, {"Валентина", "Valentina", "Walentina"}};
  private static final String[][] SLAVIC_M = {
    {"Сергей", "Sergei", "Sergey", "Serguei"}, {"Алексей", "Aleksei", "Alexey", "Oleksii"},
    {"Дмитрий", "Dmitri", "Dmitry", "Dmytro"}, {"Андрей", "Andrei", "Andrey", "Andrii"},
    {"Николай", "Nikolai", "Nikolay", "Mykola"}, {"Юрий", "Yuri", "Yury", "Iurii"}, {"Иван", "Ivan", "Iwan"},
    {"Михаил", "Mikhail", "Mykhailo", "Michail"}, {"Владимир", "Vladimir", "Volodymyr", "Wladimir"},
    {"Евгений", "Evgeny", "Yevgeniy", "Yevhen"}, {"Олег", "Oleg", "Oleh"}, {"Виктор", "Viktor", "Victor"},
    {"Павел", "Pavel", "Pavlo"}, {"Артём", "Artyom", "Artem", "Artiom"}, {"Максим", "Maksim", "Maxim", "Maksym"},
    {"Григорий", "Grigory", "Hryhoriy", "Grigorii"}, {"Фёдор", "Fyodor", "Fedor", "Fedir"}, {"Александр", "Aleksandr", "Alexander", "Oleksandr"}};
  private static final String[][] SLAVIC_FAMILY = {
    {"Иванов", "Ivanov", "Ivanoff"}, {"Смирнов", "Smirnov", "Smirnoff"}, {"Кузнецов", "Kuznetsov", "Kuznetsow"},
    {"Попов", "Popov", "Popoff"}, {"Васильев", "Vasilyev", "Vasiliev", "Vasylyev"}, {"Петров", "Petrov", "Petroff"},
    {"Соколов", "Sokolov", "Sokolow"}, {"Михайлов", "Mikhailov", "Mykhailov", "Michailow"},
    {"Новиков", "Novikov", "Nowikow"}, {"Фёдоров", "Fyodorov", "Fedorov", "Fedorow"}, {"Морозов", "Morozov", "Morosow"},
    {"Волков", "Volkov", "Wolkow"}, {"Алексеев", "Alekseev", "Alekseyev", "Oleksiyiv"}, {"Лебедев", "Lebedev", "Lebedew"},
    {"Семёнов", "Semyonov", "Semenov", "Semenow"}, {"Егоров", "Egorov", "Yegorov"}, {"Павлов", "Pavlov", "Pawlow"},
    {"Козлов", "Kozlov", "Koslow"}, {"Степанов", "Stepanov", "Stepanow"}, {"Николаев", "Nikolaev", "Nikolayev", "Mykolaiv"},
    {"Орлов", "Orlov", "Orloff"}, {"Андреев", "Andreev", "Andreyev"}, {"Макаров", "Makarov", "Makarow"},
    {"Захаров", "Zakharov", "Zaharov", "Sacharow"}, {"Зайцев", "Zaitsev", "Zaytsev", "Saizew"},
    {"Соловьёв", "Solovyov", "Soloviev", "Solovyev"}, {"Борисов", "Borisov", "Borysov"}, {"Яковлев", "Yakovlev", "Jakowlew"},
    {"Григорьев", "Grigoryev", "Grigoriev", "Hryhoriev"}, {"Романов", "Romanov", "Romanow"}, {"Шевченко", "Shevchenko", "Schewtschenko", "Sevcenko"},
    {"Бондаренко", "Bondarenko", "Bondarenco"}, {"Коваленко", "Kovalenko", "Kowalenko"}, {"Ткаченко", "Tkachenko", "Tkatschenko"},
    {"Кравченко", "Kravchenko", "Krawtschenko"}, {"Олейник", "Oleinik", "Oliynyk", "Oleynik"}, {"Мельник", "Melnik", "Melnyk"}};
  private static final String[][] ARABIC_M = {
    {"Mohammed", "Muhammad", "Mohamed", "Mohamad", "Mohammad"}, {"Ahmed", "Ahmad", "Ahmet"},
    {"Mahmoud", "Mahmud", "Mahmood"}, {"Mustafa", "Mostafa", "Moustafa"}, {"Youssef", "Yusuf", "Yousef", "Youcef"},
    {"Hussein", "Hussain", "Husayn", "Hossein"}, {"Hassan", "Hasan"}, {"Ali", "Aly"}, {"Omar", "Umar", "Omer"},
    {"Khaled", "Khalid", "Khalid"}, {"Abdullah", "Abdallah", "Abdulla"}, {"Ibrahim", "Ebrahim", "Brahim"},
    {"Tariq", "Tarek", "Tarik"}, {"Karim", "Kareem"}, {"Said", "Saeed", "Sayed"}, {"Walid", "Waleed"},
    {"Jamal", "Gamal", "Djamel"}, {"Nasser", "Nasir", "Naser"}, {"Salim", "Selim", "Saleem"}, {"Rashid", "Rachid", "Rasheed"}};
  private static final String[][] ARABIC_F = {
    {"Fatima", "Fatma", "Fatimah"}, {"Aisha", "Aicha", "Ayesha", "Aysha"}, {"Maryam", "Mariam", "Meryem"},
    {"Khadija", "Khadijah", "Hatice"}, {"Zainab", "Zeinab", "Zaynab"}, {"Amina", "Aminah", "Emine"},
    {"Layla", "Leila", "Laila"}, {"Nour", "Noor", "Nur"}, {"Huda", "Houda", "Hoda"}, {"Samira", "Sameera"},
    {"Yasmin", "Yasmine", "Jasmin"}, {"Salma", "Selma"}, {"Rania", "Ranya"}, {"Hana", "Hanaa", "Hanna"},
    {"Souad", "Suad"}, {"Nadia", "Nadiya"}, {"Rasha", "Racha"}, {"Dalia", "Dalya"}};
  private static final String[][] ARABIC_FAMILY = {
    {"Al-Hassan", "Alhassan", "El Hassan", "Hassan"}, {"Abdelrahman", "Abdul Rahman", "Abderrahmane"},
    {"Al-Masri", "El-Masry", "Almasri"}, {"Haddad", "Hadad"}, {"Khalil", "Khaleel"}, {"Nasser", "Nasr", "Naser"},
    {"Mansour", "Mansur", "Mansoor"}, {"Saleh", "Salih", "Saleh"}, {"Hamdan", "Hamdane"}, {"Qureshi", "Kureshi", "Quraishi"},
    {"Al-Najjar", "El Naggar", "Najjar"}, {"Darwish", "Darweesh", "Dervish"}, {"Barakat", "Baraket"},
    {"Suleiman", "Sulaiman", "Soliman", "Sleiman"}, {"Yousef", "Youssef", "Yusuf"}, {"Othman", "Osman", "Uthman"},
    {"Aziz", "Abdelaziz", "Abdulaziz"}, {"Hamid", "Hamed"}, {"Bakr", "Bakri", "Bakry"}, {"Farouk", "Faruq", "Farouq"},
    {"Jaber", "Jabir", "Gaber"}, {"Abbas", "Abas"}, {"Rahman", "Rehman"}, {"Karimi", "Kerimi"}, {"Sharif", "Sherif", "Charif"},
    {"Mahmoud", "Mahmud"}, {"Ismail", "Ismael", "Esmail"}, {"Zaki", "Zaky"}, {"Fahmy", "Fahmi"}, {"Habib", "Habeeb"}};
}
